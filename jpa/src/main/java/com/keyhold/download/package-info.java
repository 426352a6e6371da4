/** Downloads & Documentation (SPEC T3): entries per product and version, links or uploaded files. */
package com.keyhold.download;
