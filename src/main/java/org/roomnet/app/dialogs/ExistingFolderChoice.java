package org.roomnet.app.dialogs;

/** The export folder holds files already: export into a new folder beside it, replace the earlier export, or stop. */
public enum ExistingFolderChoice {
    NEW_FOLDER,
    REPLACE,
    CANCEL
}
