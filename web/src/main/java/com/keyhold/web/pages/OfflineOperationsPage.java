package com.keyhold.web.pages;

import com.keyhold.common.KeyholdException;
import com.keyhold.proxy.OfflineFiles;
import com.keyhold.proxy.OfflineRequests;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Locale;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The Offline Activation and Validation page (SPEC S3, S4, S7; seed chapter 5): an administrator
 * drops or selects the request file a proxy on a closed network saved, and downloads the signed
 * response file to carry back. The file is read up to the contract's 1 MB and no further; every
 * rule (offline operations enabled, the uploader's own keys, the nonce, the age, no DOCTYPE) is
 * {@link OfflineRequests}'.
 */
@Named
@ViewScoped
public class OfflineOperationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OfflineRequests offline;

    @Inject
    SessionUser currentUser;

    private String accountId;
    private byte[] response;
    private String responseName;
    private String responseType;

    @PostConstruct
    void load() {
        accountId = currentUser.getSelectedAccountId();
    }

    public void upload(FileUploadEvent event) {
        response = null;
        UploadedFile file = event.getFile();
        try (InputStream in = file.getInputStream()) {
            byte[] bytes = in.readNBytes(OfflineFiles.MAX_BYTES + 1);
            if (bytes.length > OfflineFiles.MAX_BYTES) {
                Messages.error("offline.tooLarge");
                return;
            }
            OfflineRequests.OfflineResponse answer = offline.honour(currentUser.getUserId(), accountId, bytes);
            response = answer.file();
            responseType = answer.type().name();
            responseName = "keyhold-" + responseType.toLowerCase(Locale.ROOT) + "-response.xml";
            Messages.info("offline.honoured." + responseType);
        } catch (KeyholdException refused) {
            Messages.error(refused);
        } catch (IOException unreadable) {
            Messages.error("offline.unreadable");
        }
    }

    public void download() throws IOException {
        if (response == null) {
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.responseReset();
        external.setResponseContentType("application/xml; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + responseName + "\"");
        external.setResponseContentLength(response.length);
        try (OutputStream out = external.getResponseOutputStream()) {
            out.write(response);
        }
        faces.responseComplete();
    }

    public boolean isResponseReady() {
        return response != null;
    }

    public String getResponseName() {
        return responseName;
    }

    public String getResponseType() {
        return responseType;
    }
}
