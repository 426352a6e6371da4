/** Support tickets (SPEC T1, T2): customers' tickets, agents' answers, watchers and their emails. */
package com.keyhold.support;
