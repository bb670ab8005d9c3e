// Vite's `?raw` suffix imports a file's text (test pages shared with the e2e suite).
declare module '*?raw' {
  const text: string;
  export default text;
}
