package com.keyhold.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An integration test: the server is started first (once per run), then Arquillian deploys the
 * class's {@code @Deployment} into it. The order of the two extensions matters.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(KeyholdServerExtension.class)
@ExtendWith(ArquillianExtension.class)
public @interface KeyholdIntegrationTest {
}
