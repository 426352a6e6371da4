package com.keyhold.account;

import java.util.List;

/** A page of accounts with the total count, for paged lists. */
public record AccountPage(List<AccountSummary> items, long total, int page, int size) {
}
