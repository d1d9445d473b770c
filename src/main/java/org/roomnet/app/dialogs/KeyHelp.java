package org.roomnet.app.dialogs;

/** One line of the keyboard help: the keys (or gesture) and what they do. */
public record KeyHelp(String keys, String action) {}
