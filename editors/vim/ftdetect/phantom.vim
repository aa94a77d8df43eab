au BufRead,BufNewFile *.ph   setfiletype phantom
au BufRead,BufNewFile *.pasm setfiletype pasm
