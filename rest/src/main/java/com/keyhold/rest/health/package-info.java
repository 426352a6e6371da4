/** MicroProfile Health checks behind {@code GET /health} (CONTRACT section 9). */
package com.keyhold.rest.health;
