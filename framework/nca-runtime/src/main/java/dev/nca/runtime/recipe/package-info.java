/**
 * TOML recipes: {@link dev.nca.runtime.recipe.RecipeLoader} reads and strictly validates them into
 * the immutable {@link dev.nca.runtime.recipe.Recipe}; {@link dev.nca.runtime.recipe.RecipeWriter}
 * writes a resolved recipe back. The framework's keys (type, default, allowed values, description)
 * are declared once in {@link dev.nca.runtime.recipe.RecipeSchema}, which the loader, the writer and
 * the generated key tables of docs/recipes.md read. The accepted TOML subset is documented on
 * {@link dev.nca.runtime.recipe.RecipeLoader}.
 */
package dev.nca.runtime.recipe;
