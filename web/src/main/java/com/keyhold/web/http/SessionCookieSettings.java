package com.keyhold.web.http;

import com.keyhold.rest.http.WebSettings;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie's attributes: {@code HttpOnly} and {@code SameSite=Lax} always; {@code Secure}
 * always when Keyhold is HTTPS-only ({@code keyhold.https-only}), else the container marks it
 * {@code Secure} on requests that came over HTTPS. (The remember-me cookie gets the same attributes
 * where it is written.)
 */
@WebListener
public class SessionCookieSettings implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookies = event.getServletContext().getSessionCookieConfig();
        cookies.setHttpOnly(true);
        cookies.setAttribute("SameSite", "Lax");
        if (WebSettings.httpsOnly()) {
            cookies.setSecure(true);
        }
    }
}
