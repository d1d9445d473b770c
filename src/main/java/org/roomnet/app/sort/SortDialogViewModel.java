package org.roomnet.app.sort;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.roomnet.core.organize.TransferMode;
import org.roomnet.core.util.Words;
import org.roomnet.core.workflow.SortPlan;

/** State of the sort dialog: copy or move, the destination, and the exact words of what will happen. */
public final class SortDialogViewModel {

    private final SortPlan plan;
    private final ObjectProperty<TransferMode> mode = new SimpleObjectProperty<>(TransferMode.COPY);
    private final StringProperty destination = new SimpleStringProperty();
    private final StringBinding summary;
    private final BooleanBinding valid;

    public SortDialogViewModel(SortPlan plan) {
        this.plan = plan;
        destination.set(plan.defaultDestination().toString());
        summary = Bindings.createStringBinding(this::describe, mode, destination);
        valid = Bindings.createBooleanBinding(
                () -> plan.photos() > 0 && destinationPath().isPresent(), destination);
    }

    public SortPlan plan() {
        return plan;
    }

    public ObjectProperty<TransferMode> modeProperty() {
        return mode;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public Optional<Path> destinationPath() {
        String text = destination.get();
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text.trim()).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    public Optional<SortRequest> request() {
        return valid.get() ? destinationPath().map(d -> new SortRequest(mode.get(), d)) : Optional.empty();
    }

    /** E.g. "12 photos will be copied into /x/shoot_classified/<RoomType>/: ...". */
    String describe() {
        if (plan.photos() == 0) {
            return plan.rejected() > 0
                    ? "Every readable photo is rejected, and rejected photos are not sorted: "
                            + "there is nothing to sort."
                    : "There are no readable photos to sort.";
        }
        Optional<Path> dest = destinationPath();
        if (dest.isEmpty()) {
            return "Choose a destination folder.";
        }
        boolean copy = mode.get() == TransferMode.COPY;
        String rooms = plan.perRoomType().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        StringBuilder sb = new StringBuilder();
        sb.append(Words.plural(plan.photos(), "photo"))
                .append(" will be ")
                .append(copy ? "copied" : "moved")
                .append(" into ")
                .append(dest.get().resolve("<RoomType>"))
                .append("/ (")
                .append(rooms)
                .append(").\n");
        sb.append("Existing files are never overwritten: when a name is taken, the photo gets a number added, "
                + "e.g. \"photo (1).jpg\".\n");
        if (plan.unreadable() > 0) {
            sb.append(stayWhere(plan.unreadable(), "unreadable file")).append(".\n");
        }
        if (plan.rejected() > 0) {
            sb.append(stayWhere(plan.rejected(), "rejected photo")).append(" (rejected photos are not sorted).\n");
        }
        sb.append(
                copy
                        ? "The shoot folder is left as it is."
                        : "The photos leave the shoot folder " + plan.folder() + ".");
        sb.append("\nYou can undo this with File \u203a Undo Last Sort.");
        return sb.toString();
    }

    /** "1 unreadable file stays where it is", "3 rejected photos stay where they are". */
    private static String stayWhere(int n, String noun) {
        return Words.plural(n, noun) + (n == 1 ? " stays where it is" : " stay where they are");
    }

    /** The room types with at least one photo, for the dialog's table. */
    public Map<String, Integer> perRoomType() {
        return plan.perRoomType();
    }
}
