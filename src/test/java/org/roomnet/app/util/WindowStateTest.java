package org.roomnet.app.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.prefs.Preferences;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class WindowStateTest {

    private final Preferences prefs = Preferences.userRoot().node("roomnet-test/" + UUID.randomUUID());

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void theWindowComesBackWhereItWasAndWithItsSize() throws Exception {
        WindowState state = new WindowState(prefs);
        WaitForAsyncUtils.asyncFx(() -> {
                    Stage first = new Stage();
                    first.setX(40);
                    first.setY(30);
                    first.setWidth(900);
                    first.setHeight(600);
                    state.save(first);
                    state.saveThumbnailSize(120);

                    Stage second = new Stage();
                    new WindowState(prefs).restore(second, 1280, 820);
                    assertEquals(40, second.getX());
                    assertEquals(30, second.getY());
                    assertEquals(900, second.getWidth());
                    assertEquals(600, second.getHeight());
                    assertEquals(120, new WindowState(prefs).thumbnailSize(150));
                })
                .get();
    }

    @Test
    void aWindowLargerThanTheScreenIsShrunkToFit() throws Exception {
        prefs.putDouble("window.width", 10_000);
        prefs.putDouble("window.height", 10_000);
        WaitForAsyncUtils.asyncFx(() -> {
                    Stage stage = new Stage();
                    new WindowState(prefs).restore(stage, 1280, 820);
                    var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
                    assertTrue(
                            stage.getWidth() < screen.getWidth() && stage.getHeight() < screen.getHeight() - 20,
                            "room is left for the window's frame: " + stage.getWidth() + "x" + stage.getHeight());
                })
                .get();
    }
}
