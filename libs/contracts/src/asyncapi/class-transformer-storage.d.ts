// class-transformer keeps its @Type metadata in a store it does not export from the package
// root; the JSON Schema generator reads nested types from it.
declare module 'class-transformer/cjs/storage' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
  export const defaultMetadataStorage: MetadataStorage;
}
