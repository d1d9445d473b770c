package org.roomnet.core.classify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 18, point 3: class names become folder names, so a model naming a path or nothing is refused. */
class ClassNamesTest {

    private static IllegalArgumentException refused(String... names) {
        Map<String, String> m = ModelDescriptionTest.metadata();
        m.put("class_names", org.roomnet.testing.TinyOnnx.json(List.of(names)));
        return assertThrows(
                IllegalArgumentException.class,
                () -> ModelDescription.fromMetadata(m),
                List.of(names).toString());
    }

    @Test
    void namesThatAreNoPlainFolderNameAreRefusedWithTheReason() {
        assertTrue(refused("Kitchen", "../../escape").getMessage().contains("'../../escape' holds a path separator"));
        assertTrue(
                refused("Kitchen", "/tmp/elsewhere").getMessage().contains("'/tmp/elsewhere' holds a path separator"));
        assertTrue(refused("Kitchen", "C:\\rooms").getMessage().contains("'C:\\rooms' holds"));
        assertTrue(refused("Kitchen", "").getMessage().contains("'' is empty"));
        assertTrue(refused("Kitchen", "..").getMessage().contains("'..' holds '..'"));
        assertTrue(refused("Kitchen", ".").getMessage().contains("'.' begins or ends with a space or a dot"));
        assertTrue(refused("Kitchen", "Bed..room").getMessage().contains("holds '..'"));
        assertTrue(refused("Kitchen", " Bedroom").getMessage().contains("begins or ends"));
        assertTrue(refused("Kitchen", "Bedroom.").getMessage().contains("begins or ends"));
        assertTrue(refused("Kitchen", "Bed\nroom").getMessage().contains("control character U+000A"));
        assertTrue(refused("Kitchen", "Bed\u202Eroom").getMessage().contains("control character U+202E"));
        assertTrue(refused("Kitchen", "Bed?room").getMessage().contains("'?'"));
        assertTrue(refused("Kitchen", "Bed|room").getMessage().contains("'|'"));
        assertTrue(refused("Kitchen", "NUL").getMessage().contains("device name"));
        assertTrue(refused("Kitchen", "x".repeat(65)).getMessage().contains("longer than 64"));
    }

    @Test
    void namesTwiceIgnoringCaseAreRefused() {
        assertTrue(refused("Kitchen", "Bedroom", "Kitchen").getMessage().contains("'Kitchen' is named twice"));
        assertTrue(refused("Kitchen", "kitchen").getMessage().contains("'kitchen' is named twice (as 'Kitchen')"));
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        String message = refused("../a", "", "b/c").getMessage();
        assertTrue(message.contains("'../a'") && message.contains("''") && message.contains("'b/c'"), message);
    }

    @Test
    void escapesInTheJsonAreDecodedBeforeTheCheck() {
        Map<String, String> m = ModelDescriptionTest.metadata();
        m.put("class_names", "[\"Kitchen\", \"\\u002e\\u002e\\/escape\"]");
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m));
        assertTrue(e.getMessage().contains("'../escape' holds a path separator"), e.getMessage());
    }

    @Test
    void classNamesThatAreNoJsonListOfStringsAreRefused() {
        for (String bad : List.of(
                "[\"Kitchen\" \"Bedroom\"]",
                "[\"Kitchen\", 3]",
                "Kitchen,Bedroom",
                "[\"Kitchen\"",
                "[\"Kitchen\"] x",
                "[\"Kit\\qchen\"]")) {
            Map<String, String> m = ModelDescriptionTest.metadata();
            m.put("class_names", bad);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ModelDescription.fromMetadata(m), bad);
            assertTrue(e.getMessage().contains("class_names is not a JSON list of strings"), e.getMessage());
        }
    }

    @Test
    void theRoomTypesOfV1V2AndV3AndOrdinaryNamesPass() {
        assertDoesNotThrow(() -> ClassNames.check(List.of(
                "Backyard",
                "Bathroom",
                "Bedroom",
                "Frontyard",
                "Kitchen",
                "LivingRoom",
                "DiningRoom",
                "FloorPlan",
                "Other")));
        assertDoesNotThrow(() -> ClassNames.check(
                List.of("Dining room", "Wine cellar", "Küche", "Office 2", "x".repeat(64), "Console", "Mud-room_1")));
    }
}
