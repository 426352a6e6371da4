/** Support tickets (SPEC T1, T2): tickets, their conversation and their watchers. */
package com.keyhold.support;
