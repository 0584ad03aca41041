/**
 * Which children a complex value is checked against, most specific first: the snapshot's own
 * children, the element a contentReference names, the type's profile (an extension definition,
 * a datatype profile), the definition named by an extension's `url`, else the base datatype.
 */
import type { ElementRule, Structure, TypeRule } from './element-rule.js';
import type { Json } from './json-value.js';
import type { ValidationRun } from './validation-run.js';

export function structureFor(rule: ElementRule, type: TypeRule, value: Json, location: string, run: ValidationRun): Structure | undefined {
  const own = rule.structure();
  if (own) return own;
  const compiler = run.compiler;
  if (rule.contentReference) {
    const target = compiler.contentReference(rule)?.structure();
    if (target) return target;
  }
  for (const profile of type.profiles) {
    const compiled = compiler.profile(profile);
    if (compiled) return compiled.root.structure();
    run.warning('not-supported', location, `Profile ${profile} is not in the loaded packages; checked against ${type.code} only`);
  }
  if (type.code === 'Extension' && type.profiles.length === 0 && typeof value.url === 'string') {
    const definition = compiler.profile(value.url);
    if (definition?.type === 'Extension') return definition.root.structure();
    // Relative urls name the parts of a complex extension, which its own definition checks.
    if (value.url.includes(':')) run.warning('not-supported', location, `Extension ${value.url} is not defined in the loaded packages; only its structure was checked`);
  }
  return compiler.baseDefinition(type.code)?.root.structure();
}
