/** Reading and managing accounts and memberships; the tenancy boundary every other service relies on. */
package com.keyhold.account;
