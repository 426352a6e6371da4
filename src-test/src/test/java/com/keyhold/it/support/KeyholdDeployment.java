package com.keyhold.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build packaged it, the same file a deployer installs. */
public final class KeyholdDeployment {

    private KeyholdDeployment() {
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("keyhold.ear", "target/keyhold.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
