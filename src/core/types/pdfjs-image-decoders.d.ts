// pdfjs-dist ships its standalone image decoders without type declarations.
declare module 'pdfjs-dist/image_decoders/pdf.image_decoders.mjs' {
  export class JpxImage {
    static setOptions(options: {
      useWasm?: boolean;
      useWorkerFetch?: boolean;
      wasmUrl?: string;
      getHandler?: () => { sendWithPromise(action: string, data: { filename: string }): Promise<Uint8Array> };
    }): void;
    static parseImageProperties(data: Uint8Array): { width: number; height: number; componentsCount: number };
    static get instance(): JpxImage;
    decode(data: Uint8Array, options?: { numComponents?: number }): Promise<Uint8Array>;
  }
}
