package com.keyhold.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /downloads/{product}}: the download link of invitations to install (SPEC I2, T3). It shows
 * the product's downloads page ({@code download.xhtml}); the product code travels as a request
 * attribute, so the address stays the one the email gave.
 */
@WebServlet(name = "DownloadsServlet", urlPatterns = "/downloads/*")
public class DownloadsServlet extends HttpServlet {

    static final String PRODUCT_ATTRIBUTE = "keyhold.downloads.product";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String product = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        if (!product.matches("[A-Za-z][A-Za-z0-9_]{1,31}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(PRODUCT_ATTRIBUTE, product);
        request.getRequestDispatcher("/download.xhtml").forward(request, response);
    }
}
