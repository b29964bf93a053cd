/**
 * Contract tests and a finite-difference gradient checker for nca extension authors.
 *
 * <p>Add {@code dev.nca:nca-testkit} with {@code test} scope (plus an ND4J backend such as
 * {@code nd4j-native} for running tests), then extend the contract of your extension point in a
 * JUnit 5 test class and implement its one abstract method:
 *
 * <pre>{@code
 * class MyLossTest extends LossFunctionContract {
 *     protected LossFunction lossFunction() { return new MyLoss(); }
 *     protected Map<String, Object> validParams() { return Map.of("scale", 0.5); }
 * }
 * }</pre>
 *
 * <p>Contracts: {@link dev.nca.testkit.KernelSetContract}, {@link dev.nca.testkit.ActivationContract},
 * {@link dev.nca.testkit.LossFunctionContract}, {@link dev.nca.testkit.DatasetContract},
 * {@link dev.nca.testkit.TrainingScheduleContract}; all include the common checks of
 * {@link dev.nca.testkit.NamedExtensionContract}. They check what every implementation must
 * satisfy (shapes, data types, no input mutation, determinism, derivatives against central
 * differences); the values specific to your extension remain yours to test. Add your own
 * {@code @Test} methods to the same class. {@link dev.nca.testkit.GradientChecker} is usable on its
 * own for any hand-written gradient.
 */
package dev.nca.testkit;
