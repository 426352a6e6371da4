package com.keyhold.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /downloads/{product}}: the download link of invitations to install (SPEC I2, T3). It shows
 * the product's downloads page ({@code download.xhtml}, {@code ?version=} chooses a version, the
 * newest by default); the product code travels as a request attribute, so the address stays the one
 * the email gave. {@code /downloads/{product}/files/{id}} serves an uploaded file: always as an
 * attachment, with its content-detected type and {@code nosniff}, so a browser never renders it.
 */
@WebServlet(name = "DownloadsServlet", urlPatterns = "/downloads/*")
public class DownloadsServlet extends HttpServlet {

    static final String PRODUCT_ATTRIBUTE = "keyhold.downloads.product";
    private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile(
            "([A-Za-z][A-Za-z0-9_]{1,31})/files/([0-9a-f-]{36})");

    @jakarta.ejb.EJB
    com.keyhold.download.DownloadCatalog catalog;

    private void serve(String product, String entryId, HttpServletResponse response) throws IOException {
        java.util.Optional<com.keyhold.download.DownloadCatalog.ServedFile> found = catalog.file(product, entryId);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        com.keyhold.download.DownloadCatalog.ServedFile served = found.get();
        com.keyhold.web.http.AttachmentHeaders.send(response, served.fileName(), served.contentType(), served.sha256(),
                served.content());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String product = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
        java.util.regex.Matcher file = FILE.matcher(product);
        if (file.matches()) {
            serve(file.group(1), file.group(2), response);
            return;
        }
        if (!product.matches("[A-Za-z][A-Za-z0-9_]{1,31}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(PRODUCT_ATTRIBUTE, product);
        request.getRequestDispatcher("/download.xhtml").forward(request, response);
    }
}
