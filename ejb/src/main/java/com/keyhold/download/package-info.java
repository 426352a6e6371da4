/** Downloads & Documentation (SPEC T3): the public page's versions and entries, and the operators' management. */
package com.keyhold.download;
