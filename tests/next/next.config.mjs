// No setting for Carepath: the package must work in a plain Next.js app.
export default {};
