import json
t=open('seeds/000_5e2d2378550aa81c.txt',encoding='utf-8',newline='').read()
H,G='craig-smith','ilya-sutskever'
marks=[(H,"yeah I'm Craig Smith"),(G,"yeah I can talk about that a little bit"),(H,"and was your impulse as it was for Jeff"),
(G,"AI is so big and so the motivations"),(H,"and then Alex said I've spoken"),(G,"so in a nutshell I had the realization"),
(H,"yeah that was supervised learning"),(G,"so for context at the open"),(H,"yeah and I just wanted to ask actually"),
(G,"no I would say that when he posted"),(H,"the limitation of large language models to say exists"),
(G,"yeah so before I comment on the immediate"),(H,"sure I think that it is very hard"),(G,"I think that it is very hard to talk"),
(H,"and that feedback loop is coming from the public"),(G,"the way we do things today is that if we hire"),
(H,"I wanted to talk to you about Jana kun's"),(G,"so I I reviewed beyond the cancer"),
(H,"so maybe this is another point to tell me"),(G,"Define language though"),
(H,"on this idea of having an army of human trainers"),(G,"yeah so I have two comments on that"),
(H,"yeah and so what you're saying is through this process"),(G,"yes and it's that's right if there is an analogy"),
(H,"I see and it's that reinforcement learning"),(G,"a human teacher Loop or some other variant"),
(H,"what research are you focused on right now"),(G,"I can't talk in detail about the specific"),
(H,"you talk about the similarities between the brain"),(G,"this comment which you made is related"),
(H,"heard you make a comment that that we need faster"),(G,"so I just want to make one comment which is"),
(H,"are you involved at all in a hardware"),(G,"now all our Hardware comes from Azure"),
(H,"yeah yeah you did talk at one point"),(G,"yeah let's see it's such a big question"),
(H,"yeah I can see it in the democracy example"),(G,"what does it mean to analyze all the variables"),
(H,"that's it for this episode")]
pos=0; starts=[]
for sp,s in marks:
    i=t.index(s,pos); starts.append((sp,i)); pos=i+1
turns=[]
for k,(sp,i) in enumerate(starts):
    end=starts[k+1][1] if k+1<len(starts) else len(t)
    while t[end-1]==' ': end-=1
    turns.append({'start_char':i,'end_char':end,'speaker':sp})
json.dump(turns,open('tests/data/gold_turns/000.json','w'),indent=1)
print(len(turns), sum(len(t[x['start_char']:x['end_char']].split()) for x in turns if x['speaker']==H), sum(len(t[x['start_char']:x['end_char']].split()) for x in turns if x['speaker']==G))
