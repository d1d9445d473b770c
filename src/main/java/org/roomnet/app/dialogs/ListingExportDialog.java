package org.roomnet.app.dialogs;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.roomnet.core.listing.ListingPreset;
import org.roomnet.core.listing.NamePattern;

/** Export for Listing: the folder, the preset, the names, the metadata; OK only while the pattern is valid. */
final class ListingExportDialog {

    private ListingExportDialog() {}

    static Dialog<ListingRequest> create(
            Window owner, Path folder, ListingPreset preset, String pattern, String summary) {
        Dialog<ListingRequest> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export for listing");
        dialog.setHeaderText(summary);
        dialog.setResizable(true);
        TextField where = new TextField(folder.toString());
        where.setId("listing-folder");
        HBox.setHgrow(where, Priority.ALWAYS);
        Button browse = new Button("Choose\u2026");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export folder (a new or empty folder)");
            File parent = folder.getParent() == null ? null : folder.getParent().toFile();
            if (parent != null && parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
            File chosen = chooser.showDialog(owner);
            if (chosen != null) {
                where.setText(chosen.getPath());
            }
        });
        ComboBox<ListingPreset> presets = new ComboBox<>();
        presets.setId("listing-preset");
        presets.getItems().setAll(ListingPreset.values());
        presets.setValue(preset);
        presets.setConverter(new StringConverter<>() {
            @Override
            public String toString(ListingPreset p) {
                return p == null ? "" : p.description();
            }

            @Override
            public ListingPreset fromString(String s) {
                return null;
            }
        });
        TextField names = new TextField(pattern);
        names.setId("listing-names");
        Label namesHelp = new Label("{n} position, {room}, {-k} \u201c-2\u201d from a room\u2019s second photo, "
                + "{name} original name, {shoot}. The cover comes first.");
        namesHelp.setWrapText(true);
        namesHelp.getStyleClass().add("dialog-help");
        CheckBox keep =
                new CheckBox("Keep all metadata (by default GPS position, owner and serial numbers are removed; "
                        + "capture time, camera and exposure stay)");
        keep.setWrapText(true);
        keep.setId("listing-keep-metadata");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(10, 10, 0, 10));
        grid.addRow(0, label("Folder"), new HBox(6, where, browse));
        grid.addRow(1, label("Preset"), presets);
        grid.addRow(2, label("Names"), names);
        grid.add(namesHelp, 1, 3);
        grid.add(keep, 1, 4);
        grid.setPrefWidth(620);
        dialog.getDialogPane().setContent(grid);
        ButtonType export = new ButtonType("Export", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, export);
        Button ok = (Button) dialog.getDialogPane().lookupButton(export);
        Runnable validate =
                () -> ok.setDisable(request(where.getText(), presets.getValue(), names.getText(), false) == null);
        names.textProperty().addListener((o, was, now) -> validate.run());
        where.textProperty().addListener((o, was, now) -> validate.run());
        validate.run();
        dialog.setResultConverter(b ->
                b == export ? request(where.getText(), presets.getValue(), names.getText(), keep.isSelected()) : null);
        return dialog;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static ListingRequest request(String folder, ListingPreset preset, String pattern, boolean keep) {
        try {
            if (folder.isBlank() || preset == null) {
                return null;
            }
            return new ListingRequest(Path.of(folder.trim()), preset, new NamePattern(pattern), keep);
        } catch (IllegalArgumentException e) { // also InvalidPathException
            return null;
        }
    }
}
