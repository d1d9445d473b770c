package org.roomnet.app.photos;

import java.text.Collator;
import java.util.Comparator;

/** How photos are ordered inside a group. */
public enum PhotoOrder {
    NAME("Name"),
    CONFIDENCE_LOW_FIRST("Confidence, lowest first"),
    CONFIDENCE_HIGH_FIRST("Confidence, highest first");

    private static final Collator COLLATOR = Collator.getInstance();

    private final String displayName;

    PhotoOrder(String displayName) {
        this.displayName = displayName;
    }

    public Comparator<PhotoItem> comparator() {
        Comparator<PhotoItem> byName = Comparator.comparing(PhotoItem::fileName, PhotoOrder::compareNames);
        Comparator<PhotoItem> byConfidence =
                Comparator.comparingDouble(i -> i.review().confidence());
        return switch (this) {
            case NAME -> byName;
            case CONFIDENCE_LOW_FIRST -> byConfidence.thenComparing(byName);
            case CONFIDENCE_HIGH_FIRST -> byConfidence.reversed().thenComparing(byName);
        };
    }

    /** Natural order: "IMG_2" before "IMG_10", case ignored. */
    static int compareNames(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                int c = COLLATOR.compare(
                        String.valueOf(ca).toLowerCase(), String.valueOf(cb).toLowerCase());
                if (c != 0) {
                    return c;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
