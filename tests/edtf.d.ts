// Types for the parts of the `edtf` package the tests use as an oracle for our EDTF parser.
declare module 'edtf' {
  interface EdtfValue {
    readonly type: string;
    readonly min: number;
    readonly max: number;
  }
  export default function edtf(text: string): EdtfValue;
}
