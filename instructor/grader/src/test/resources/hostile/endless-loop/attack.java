long n = 0;
while (x != null) {
    n++;
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: endless-loop");
}
