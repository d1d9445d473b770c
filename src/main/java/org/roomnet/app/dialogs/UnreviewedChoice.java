package org.roomnet.app.dialogs;

/** The agent's answer when exporting or sorting with photos not reviewed yet. */
public enum UnreviewedChoice {
    /** Export or sort anyway. */
    GO_ON,
    /** Show the photos still to review instead. */
    SHOW_THEM,
    /** Do nothing. */
    CANCEL
}
