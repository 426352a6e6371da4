/** Sign-up, credentials and the personal profile of users (SPEC A1, A9). */
package com.keyhold.user;
