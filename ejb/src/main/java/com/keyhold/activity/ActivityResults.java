package com.keyhold.activity;

import java.util.List;

/** A page of the activity log, newest first, with the total of the filtered log. */
public record ActivityResults(List<ActivityItem> items, long total, int page, int size) {
}
