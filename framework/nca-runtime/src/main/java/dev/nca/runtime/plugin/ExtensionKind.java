package dev.nca.runtime.plugin;

import dev.nca.api.Activation;
import dev.nca.api.Dataset;
import dev.nca.api.KernelSet;
import dev.nca.api.LossFunction;
import dev.nca.api.NamedExtension;
import dev.nca.api.TrainingSchedule;
import java.util.List;
import java.util.Objects;

/**
 * One of the framework's extension points, with the words used for it in messages.
 *
 * <p>The five constants are the points defined by {@code nca-api}; they describe interfaces, not
 * implementations, so adding a plugin never changes this class.
 *
 * @param type  the extension point interface
 * @param label what one extension of the point is called in messages, e.g. {@code "kernel set"}
 * @param <T>   the extension point type
 */
public record ExtensionKind<T extends NamedExtension>(Class<T> type, String label) {

    public static final ExtensionKind<KernelSet> KERNEL_SET = new ExtensionKind<>(KernelSet.class, "kernel set");
    public static final ExtensionKind<Activation> ACTIVATION = new ExtensionKind<>(Activation.class, "activation");
    public static final ExtensionKind<LossFunction> LOSS_FUNCTION =
            new ExtensionKind<>(LossFunction.class, "loss function");
    public static final ExtensionKind<Dataset> DATASET = new ExtensionKind<>(Dataset.class, "dataset");
    public static final ExtensionKind<TrainingSchedule> TRAINING_SCHEDULE =
            new ExtensionKind<>(TrainingSchedule.class, "training schedule");

    /** The five extension points, in the order {@code nca plugins} lists them. */
    public static final List<ExtensionKind<?>> ALL =
            List.of(DATASET, KERNEL_SET, ACTIVATION, LOSS_FUNCTION, TRAINING_SCHEDULE);

    public ExtensionKind {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(label, "label");
    }

    /** The simple name of the interface, e.g. {@code "KernelSet"}. */
    public String pointName() {
        return type.getSimpleName();
    }
}
