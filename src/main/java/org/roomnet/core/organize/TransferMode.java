package org.roomnet.core.organize;

/** Copy leaves the shoot as it is; move empties it into the room folders. */
public enum TransferMode {
    COPY,
    MOVE
}
