package com.keyhold.scim;

import java.util.List;

/** One page of a SCIM list (RFC 7644 section 3.4.2.4): 1-based {@code startIndex}. */
public record ScimPage<T>(List<T> resources, long totalResults, int startIndex) {

    public static final int DEFAULT_COUNT = 100;
    public static final int MAX_COUNT = 500;
}
