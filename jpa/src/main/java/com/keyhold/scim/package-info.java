/** What an account's identity provider provisions over SCIM 2.0 (SPEC O3): users, groups and the tokens it uses. */
package com.keyhold.scim;
