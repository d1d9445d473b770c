package org.roomnet.core.classify;

/** Where ONNX Runtime runs the model. */
public enum ExecutionProvider {
    CUDA("CUDA (NVIDIA GPU)"),
    CPU("CPU");

    private final String displayName;

    ExecutionProvider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
