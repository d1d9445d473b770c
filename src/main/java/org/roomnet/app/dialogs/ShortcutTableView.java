package org.roomnet.app.dialogs;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The keyboard help as a two-column table: keys on the left (as key caps), what they do on the right. */
public final class ShortcutTableView extends GridPane {

    private static final double ACTION_WIDTH = 400;

    public ShortcutTableView(List<KeyHelp> rows) {
        getStyleClass().add("shortcut-table");
        setHgap(18);
        setVgap(6);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.RIGHT);
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints actions = new ColumnConstraints();
        actions.setHgrow(Priority.ALWAYS);
        actions.setPrefWidth(ACTION_WIDTH);
        actions.setMaxWidth(ACTION_WIDTH);
        getColumnConstraints().setAll(keys, actions);
        for (int i = 0; i < rows.size(); i++) {
            Label key = new Label(rows.get(i).keys());
            key.getStyleClass().add("shortcut-keys");
            key.setMinWidth(Region.USE_PREF_SIZE);
            Label action = new Label(rows.get(i).action());
            action.getStyleClass().add("shortcut-action");
            action.setWrapText(true);
            action.setMinHeight(Region.USE_PREF_SIZE);
            add(key, 0, i);
            add(action, 1, i);
            GridPane.setValignment(key, VPos.TOP);
        }
    }
}
