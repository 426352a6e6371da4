package com.keyhold.scim;

/**
 * A SCIM error (RFC 7644 section 3.12): an HTTP status, an optional {@code scimType}
 * ({@code invalidFilter}, {@code invalidValue}, {@code uniqueness}, {@code noTarget}…) and a detail
 * for people. The SCIM endpoints answer it as a SCIM error body, never as the REST API's.
 */
@jakarta.ejb.ApplicationException(rollback = true)
public class ScimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String scimType;

    public ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    public static ScimException notFound(String what) {
        return new ScimException(404, null, what + " not found");
    }

    public int status() {
        return status;
    }

    public String scimType() {
        return scimType;
    }
}
