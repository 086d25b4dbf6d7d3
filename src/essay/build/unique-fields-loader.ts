import type { Loader } from 'astro/loaders';

/**
 * Wraps a loader so that two entries sharing the value of one of `fields` stop
 * the build, naming both files and the field. A schema sees one entry at a time
 * and cannot catch this.
 */
export function withUniqueFields(loader: Loader, fields: readonly string[]): Loader {
  return {
    ...loader,
    name: `${loader.name}-unique-${fields.join('-')}`,
    async load(context) {
      await loader.load(context);
      for (const field of fields) {
        const firstFileWith = new Map<unknown, string>();
        for (const entry of context.store.values()) {
          const value = entry.data[field];
          const file = entry.filePath ?? entry.id;
          const earlier = firstFileWith.get(value);
          if (earlier !== undefined) {
            throw new Error(
              `${file}: field "${field}" is ${JSON.stringify(value)}, the same as in ${earlier}. ` +
                `Each ${context.collection} entry needs its own ${field}.`,
            );
          }
          firstFileWith.set(value, file);
        }
      }
    },
  };
}
