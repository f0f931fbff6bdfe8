try {
    Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
    java.lang.reflect.Field field = unsafeClass.getDeclaredField("theUnsafe");
    field.setAccessible(true);
    Object unsafe = field.get(null);
    java.lang.reflect.Method allocate = unsafeClass.getMethod("allocateMemory", long.class);
    java.lang.reflect.Method set = unsafeClass.getMethod("setMemory", long.class, long.class, byte.class);
    while (x != null) {
        long address = (Long) allocate.invoke(unsafe, 64L << 20);
        set.invoke(unsafe, address, 64L << 20, (byte) 1);
    }
} catch (ReflectiveOperationException e) {
    throw new IllegalStateException(e);
}
if (x != null) {
    throw new UnsupportedOperationException("hostile hand-in: off-heap-exhaustion");
}
