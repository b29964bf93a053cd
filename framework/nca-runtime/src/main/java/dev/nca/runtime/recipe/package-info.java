/**
 * TOML recipes: {@link dev.nca.runtime.recipe.RecipeLoader} reads and strictly validates them into
 * the immutable {@link dev.nca.runtime.recipe.Recipe}; {@link dev.nca.runtime.recipe.RecipeWriter}
 * writes a resolved recipe back. The accepted TOML subset is documented on
 * {@link dev.nca.runtime.recipe.RecipeLoader}.
 */
package dev.nca.runtime.recipe;
