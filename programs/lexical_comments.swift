// Comments of every kind, and statements ended by newlines or semicolons.
/* A block comment
   spanning two lines */
/* Outer /* nested */ still inside the outer comment */
let a = 1; let b = 2
print(a + b) // a trailing line comment
/* before */ print("after comment") /* after */
var total = 0; total += a; total += b; print(total)
/* level 1 /* level 2 /* level 3 */ back to 2 */ back to 1 */
print("nested ok");
let c = 10 /* inline */ + 5
print(c)
let s = "// not a comment"
print(s)
let t = "/* not a comment either */"
print(t)
/*
 print("this is commented out")
 */
print("end")
