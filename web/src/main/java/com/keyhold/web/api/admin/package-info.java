/**
 * The admin API (CONTRACT section 6) for administrators' scripts, authenticated by personal API
 * tokens; every resource acts for the token's user through the same services as the pages.
 */
package com.keyhold.web.api.admin;
