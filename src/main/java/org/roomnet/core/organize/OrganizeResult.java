package org.roomnet.core.organize;

import java.nio.file.Path;
import java.util.Map;

/** What an organize run did. */
public record OrganizeResult(
        Path destination, TransferMode mode, int transferred, Map<String, Integer> perRoomType, Path journal) {
    public OrganizeResult {
        perRoomType = Map.copyOf(perRoomType);
    }
}
