/** Users: the people who sign in to Keyhold, with their credentials and preferences (SPEC A1, A9). */
package com.keyhold.user;
