// nothing but comments
/* and more */
