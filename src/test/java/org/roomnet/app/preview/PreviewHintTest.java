package org.roomnet.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The preview's bar names the keys that work in it (issue 19: it said "1–9 label" whatever the model). */
class PreviewHintTest {

    @Test
    void theNumberKeysAreThoseOfTheShootsRoomTypes() {
        assertEquals(
                "\u2190 \u2192  step   \u00b7   1\u20136  label it, then the next   \u00b7   Space / Esc / Enter  close",
                PreviewViewModel.hint(6));
        assertEquals(
                "\u2190 \u2192  step   \u00b7   1\u20139  label it, then the next   \u00b7   Space / Esc / Enter  close",
                PreviewViewModel.hint(12),
                "only nine number keys");
        assertEquals(
                "\u2190 \u2192  step   \u00b7   1  label it, then the next   \u00b7   Space / Esc / Enter  close",
                PreviewViewModel.hint(1));
        assertEquals("\u2190 \u2192  step   \u00b7   Space / Esc / Enter  close", PreviewViewModel.hint(0));
    }
}
