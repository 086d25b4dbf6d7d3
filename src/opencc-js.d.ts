// opencc-js ships its dictionaries as untyped modules: each is "from to|from to|…".
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
