/* Opens a DOCX held in memory with libzip and reads word/document.xml whole: what gongkai's
 * ZipArchive does. Prints the member's size. Build: cc -O2 libzip_reader.c -lzip */
#include <stdio.h>
#include <stdlib.h>
#include <zip.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f) return 3;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc(n);
    if (fread(bytes, 1, n, f) != (size_t)n) return 3;
    fclose(f);
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes, n, 0, &error);
    zip_t *archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive) return 4;
    zip_int64_t index = zip_name_locate(archive, "word/document.xml", 0);
    zip_stat_t st;
    zip_stat_index(archive, index, 0, &st);
    char *xml = malloc(st.size);
    zip_file_t *file = zip_fopen_index(archive, index, 0);
    zip_int64_t got = zip_fread(file, xml, st.size);
    zip_fclose(file);
    zip_discard(archive);
    printf("%lld\n", (long long)got);
    return 0;
}
