// markdown-it-task-lists ships no types; this is the part of its API dawnpress uses.
declare module 'markdown-it-task-lists' {
  const plugin: (
    md: unknown,
    options?: { enabled?: boolean; label?: boolean; labelAfter?: boolean },
  ) => void
  export default plugin
}
