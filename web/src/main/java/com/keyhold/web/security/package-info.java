/**
 * Authentication for every interface, in one Jakarta Security mechanism that dispatches on the
 * path: form sign-in and "keep me signed in" for pages, bearer tokens for the admin and operator
 * APIs, HTTP Basic only where a script creates its token.
 */
package com.keyhold.web.security;
